import { definePack } from '../../lib/engine/pack';

export default definePack({
  id: 'all',
  title: 'All rules',
  description:
    'Every rule. High and critical findings are mandatory (they fail `cdk synth` and gate checks); medium and low are advisory.',
  select: () => true,
  bySeverity: { critical: 'mandatory', high: 'mandatory', medium: 'advisory', low: 'advisory' },
});
