import * as iam from 'aws-cdk-lib/aws-iam';
import { clearancesFor, perimeterStatements, requiresPerimeter } from '../../../lib/aws/stores';
import { ALL_LEVELS, Classification, stack } from './support';

describe('access perimeter', () => {
  test('clearances admitted to each level: its own and every level above', () => {
    expect(ALL_LEVELS.map((l) => [l, clearancesFor(l)])).toEqual([
      [Classification.PUBLIC, ['public', 'internal', 'confidential', 'restricted', 'top-secret']],
      [Classification.INTERNAL, ['internal', 'confidential', 'restricted', 'top-secret']],
      [Classification.CONFIDENTIAL, ['confidential', 'restricted', 'top-secret']],
      [Classification.RESTRICTED, ['restricted', 'top-secret']],
      [Classification.TOP_SECRET, ['top-secret']],
    ]);
  });

  test('attribute-based access through private endpoints from RESTRICTED up, MFA at TOP_SECRET', () => {
    expect(ALL_LEVELS.filter(requiresPerimeter)).toEqual([
      Classification.RESTRICTED,
      Classification.TOP_SECRET,
    ]);
    const sids = (l: Classification) =>
      perimeterStatements(l, ['s3:GetObject'], ['*'], { allowedVpcEndpoints: ['vpce-1'] }).map((s) => s.sid);
    expect(sids(Classification.CONFIDENTIAL)).toEqual([]);
    expect(sids(Classification.RESTRICTED)).toEqual(['DenyWithoutClearance', 'DenyOutsideVpcEndpoints']);
    expect(sids(Classification.TOP_SECRET)).toEqual([
      'DenyWithoutClearance',
      'DenyOutsideVpcEndpoints',
      'DenyHumansWithoutMfa',
    ]);
  });

  test('trusted service roles skip the network origin and MFA, never the clearance', () => {
    const s = stack();
    const backup = new iam.Role(s, 'Backup', { assumedBy: new iam.ServicePrincipal('backup.amazonaws.com') });
    const [clearance, network, mfa] = perimeterStatements(
      Classification.TOP_SECRET,
      ['s3:GetObject'],
      ['*'],
      {
        allowedVpcEndpoints: ['vpce-1'],
        trustedServiceRoles: [backup],
      },
    ).map((st) => s.resolve(st.toStatementJson()));
    const arn = { 'Fn::GetAtt': [s.getLogicalId(backup.node.defaultChild as iam.CfnRole), 'Arn'] };
    expect(JSON.stringify(clearance)).not.toContain('ArnNotLike');
    expect(network.Condition.ArnNotLike).toEqual({
      'aws:PrincipalArn': [arn],
    });
    expect(mfa.Condition.ArnNotLike).toEqual({
      'aws:PrincipalArn': [arn],
    });
    // Requests CloudFormation makes while deploying pass the clearance condition.
    expect(clearance.Condition.StringNotEqualsIfExists).toEqual({
      'aws:CalledViaFirst': 'cloudformation.amazonaws.com',
    });
  });
});
