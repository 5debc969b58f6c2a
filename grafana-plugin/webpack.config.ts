// Extends the scaffolded config (.config/webpack) as create-plugin documents: test fixtures
// under src/**/__fixtures__ are JSON too, and must not be copied into dist.
import type { Configuration } from 'webpack';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config.ts';

interface CopyPattern {
  from: string;
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
    }
  }
  return base;
};

export default config;
