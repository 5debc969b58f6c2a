import React, { useEffect, useState } from 'react';
import { Router } from 'react-router-dom';
import type { LocationService } from '@grafana/runtime';

/**
 * A react-router v6 Router driven by a Grafana LocationService's history (v4 API), the way
 * Grafana wires its own router: locationService.partial/push and <Link>/useNavigate move
 * the same history. For tests and the browser harness.
 */
export function LocationServiceRouter({ service, children }: { service: LocationService; children: React.ReactNode }) {
  const history = service.getHistory();
  const [location, setLocation] = useState(history.location);
  useEffect(() => history.listen((loc: typeof history.location) => setLocation(loc)), [history]);
  return (
    <Router location={location} navigator={history as unknown as React.ComponentProps<typeof Router>['navigator']}>
      {children}
    </Router>
  );
}
