// Extends the scaffolded config (.config/webpack) as create-plugin documents: nested panel
// plugins' logos (src/panels/<name>/img/) must be copied into dist, as the scaffold copies
// only the app's. Test fixtures live outside src/ (test/fixtures), so no src/**/*.json is test data.
import type { Configuration } from 'webpack';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config.ts';

interface CopyPattern {
  from: string;
  to?: string;
  noErrorOnMissing?: boolean;
}

const config = async (env: Env): Promise<Configuration> => {
  const base = await grafanaConfig(env);
  for (const plugin of base.plugins ?? []) {
    const patterns = (plugin as { patterns?: CopyPattern[] } | null)?.patterns;
    if (plugin?.constructor?.name === 'CopyPlugin' && Array.isArray(patterns)) {
      patterns.push({ from: 'panels/*/img/*', to: '.', noErrorOnMissing: true });
    }
  }
  return base;
};

export default config;
