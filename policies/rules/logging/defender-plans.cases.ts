import * as security from '@pulumi/azure-native/security';
import { defineCases } from '../../../lib/engine/cases';
import rule from './defender-plans';

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';

/** The plans the baseline turns on, each at `tier` unless `tiers` says otherwise. */
const PLANS = ['VirtualMachines', 'StorageAccounts', 'SqlServers', 'KeyVaults', 'Containers', 'Arm'];

function defender(tiers: Record<string, 'Standard' | 'Free'> = {}, plans = PLANS, cspm = true): void {
  for (const plan of plans)
    new security.Pricing(`defender-${plan}`, {
      scopeId: SUBSCRIPTION,
      pricingName: plan,
      pricingTier: tiers[plan] ?? 'Standard',
    });
  if (cspm)
    new security.Pricing('defender-CloudPosture', {
      scopeId: SUBSCRIPTION,
      pricingName: 'CloudPosture',
      pricingTier: tiers.CloudPosture ?? 'Standard',
    });
}

export default defineCases(rule, [
  {
    name: 'Pulumi: every plan and Defender CSPM at the Standard tier',
    source: 'pulumi',
    build: () => defender(),
    expect: 'pass',
  },
  {
    name: 'Pulumi: Defender CSPM (CloudPosture) left at the Free tier',
    source: 'pulumi',
    build: () => defender({ CloudPosture: 'Free' }),
    target: 'defender-CloudPosture',
    expect: 'fail',
    message: 'turns posture management (CSPM) off',
  },
  {
    name: 'Pulumi: the servers plan left at the Free tier',
    source: 'pulumi',
    build: () => defender({ VirtualMachines: 'Free' }),
    target: 'defender-VirtualMachines',
    expect: 'fail',
    message: 'plan `VirtualMachines` of `/subscriptions/00000000-0000-0000-0000-000000000000` is off',
  },
  {
    name: 'Pulumi: no key vault plan is declared',
    source: 'pulumi',
    build: () =>
      defender(
        {},
        PLANS.filter((p) => p !== 'KeyVaults'),
      ),
    target: 'defender-VirtualMachines',
    expect: 'fail',
    message: 'watches key vaults',
  },
  {
    name: 'Pulumi: threat protection without a Defender CSPM plan',
    source: 'pulumi',
    build: () => defender({}, PLANS, false),
    target: 'defender-VirtualMachines',
    expect: 'fail',
    message: 'has no posture management (CSPM) plan',
  },
]);
