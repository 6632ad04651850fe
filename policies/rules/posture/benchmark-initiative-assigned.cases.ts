import * as authorization from '@pulumi/azure-native/authorization';
import * as security from '@pulumi/azure-native/security';
import { defineCases } from '../../../lib/engine/cases';
import rule, { MCSB_INITIATIVE } from './benchmark-initiative-assigned';

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';

function posture(assign?: { scope: string; policyDefinitionId: string }): void {
  for (const plan of ['CloudPosture', 'VirtualMachines'])
    new security.Pricing(`defender-${plan}`, {
      scopeId: SUBSCRIPTION,
      pricingName: plan,
      pricingTier: 'Standard',
    });
  if (assign)
    new authorization.PolicyAssignment('benchmark', {
      ...assign,
      policyAssignmentName: 'mcsb',
      enforcementMode: 'Default',
    });
}

export default defineCases(rule, [
  {
    name: 'Pulumi: the MCSB initiative assigned to the subscription Defender covers',
    source: 'pulumi',
    build: () => posture({ scope: SUBSCRIPTION, policyDefinitionId: MCSB_INITIATIVE }),
    target: 'defender-CloudPosture',
    expect: 'pass',
  },
  {
    name: 'Pulumi: no initiative assigned beside the Defender plans',
    source: 'pulumi',
    build: () => posture(),
    target: 'defender-CloudPosture',
    expect: 'fail',
    message: 'is not assigned the Microsoft cloud security benchmark initiative',
  },
  {
    name: 'Pulumi: the MCSB initiative assigned to another subscription',
    source: 'pulumi',
    build: () =>
      posture({
        scope: '/subscriptions/11111111-1111-1111-1111-111111111111',
        policyDefinitionId: MCSB_INITIATIVE,
      }),
    target: 'defender-CloudPosture',
    expect: 'fail',
  },
  {
    name: 'Pulumi: the MCSB initiative assigned at a management group that may hold the subscription',
    source: 'pulumi',
    build: () =>
      posture({
        scope: '/providers/Microsoft.Management/managementGroups/platform',
        policyDefinitionId: MCSB_INITIATIVE,
      }),
    target: 'defender-CloudPosture',
    expect: 'unknown',
    message: 'management group',
  },
  {
    name: 'Pulumi: a threat plan is not judged again when the subscription has a CSPM plan',
    source: 'pulumi',
    build: () => posture(),
    target: 'defender-VirtualMachines',
    expect: 'not_applicable',
  },
]);
