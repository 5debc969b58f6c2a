// Extends the scaffolded config (.config/webpack) as create-plugin documents: test fixtures
// under src/**/__fixtures__ are JSON too, and must not be copied into dist; nested panel
// plugins' logos (src/panels/<name>/img/) must be, as the scaffold copies only the app's.
import type { Configuration } from 'webpack';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config.ts';

interface CopyPattern {
  from: string;
  to?: string;
  noErrorOnMissing?: boolean;
  globOptions?: { ignore?: string[] };
}

const config = async (env: Env): Promise<Configuration> => {
  const base = await grafanaConfig(env);
  for (const plugin of base.plugins ?? []) {
    const patterns = (plugin as { patterns?: CopyPattern[] } | null)?.patterns;
    if (plugin?.constructor?.name === 'CopyPlugin' && Array.isArray(patterns)) {
      for (const pattern of patterns) {
        if (pattern.from.includes('*')) {
          pattern.globOptions = { ...pattern.globOptions, ignore: [...(pattern.globOptions?.ignore ?? []), '**/__fixtures__/**'] };
        }
      }
      patterns.push({ from: 'panels/*/img/*', to: '.', noErrorOnMissing: true });
    }
  }
  return base;
};

export default config;
