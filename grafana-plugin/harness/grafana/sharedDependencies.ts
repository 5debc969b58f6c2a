/**
 * The modules Grafana shares with plugins (public/app/features/plugins/loader/
 * sharedDependencies.ts), taken from the real packages installed here. Grafana also shares
 * jquery, d3, prismjs, slate, its i18next instance and react-router-dom at v5, which this plugin
 * does not use: they are left out, so a bundle that asks for one fails to load here.
 */
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUI from '@grafana/ui';
import * as lodash from 'lodash';
import * as moment from 'moment';
import * as react from 'react';
import * as reactJsxRuntime from 'react/jsx-runtime';
import * as reactJsxDevRuntime from 'react/jsx-dev-runtime';
import * as reactDom from 'react-dom';
import * as reactDomClient from 'react-dom/client';
import * as reactRedux from 'react-redux';
import * as redux from 'redux';
// Grafana shares react-router-dom-v5-compat as react-router: it re-exports react-router v6.
import * as reactRouter from 'react-router';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';

export const sharedDependencies: Record<string, object> = {
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  '@grafana/data': grafanaData,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/ui': grafanaUI,
  emotion: emotionCss,
  // Grafana hands these two over as their default export (the AMD extra unwraps __useDefault).
  lodash: { ...lodash, __useDefault: true },
  moment: { ...moment, __useDefault: true },
  react,
  'react/jsx-runtime': reactJsxRuntime,
  'react/jsx-dev-runtime': reactJsxDevRuntime,
  'react-dom': reactDom,
  'react-dom/client': reactDomClient,
  'react-redux': reactRedux,
  'react-router': reactRouter,
  redux,
  rxjs,
  'rxjs/operators': rxjsOperators,
};
