import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-BR-007',
  title: 'Databases and storage accounts keep running when an availability zone fails',
  severity: 'low',
  controls: ['cis-aws-5.0:2.2.4', 'nist-csf-2.0:PR.IR-03', 'gdpr:Art.32(1)(b)'],
  threats: ['configuration-drift'],
  rationale:
    'A single-AZ RDS instance is down, and its data unreachable, for as long as its zone is; Multi-AZ keeps a ' +
    'synchronous standby in another zone and fails over to it. A Multi-AZ DB cluster always spans three zones. Aurora ' +
    'replicates its storage across three zones whatever its instances, but a cluster with one instance has nothing to ' +
    'fail over to until RDS recreates it: it is counted multi-AZ with two instances or more. Instances of a cluster ' +
    'are judged on the cluster. A locally redundant Azure storage account (LRS, and GRS, whose primary copies are ' +
    'LRS) keeps its three copies in one datacenter: its data is unreachable while that datacenter is, and a ' +
    'geo-redundant account waits for a failover to its secondary region; zone-redundant storage (ZRS, GZRS) keeps ' +
    'them in three zones.',
  fix: {
    cdk:
      'Set `multiAz: true` on the RDS instance, or give the Aurora cluster at least one reader ' +
      '(`readers: [ClusterInstance.provisioned(...)]`) besides its writer.',
    terraform:
      'Set `multi_az = true` on the `aws_db_instance`, or give the Aurora `aws_rds_cluster` at least two ' +
      '`aws_rds_cluster_instance`s (a writer and a reader). `azurerm_storage_account`: `account_replication_type = ' +
      '"ZRS"`, or `"GZRS"` to keep a copy in another region too.',
    pulumi:
      '`storage.StorageAccount`: `sku: { name: "Standard_ZRS" }`, or `"Standard_GZRS"` to keep a copy in another region too.',
  },
  appliesTo: ['data-store'],
  check(view) {
    const multiAz = view.multiAz;
    if (multiAz === undefined) return notApplicable('not a database, or judged on its cluster');
    if (multiAz instanceof Unknown)
      return unknown(`\`${view.name}\`: Multi-AZ deployment cannot be resolved (${multiAz.reason})`);
    if (!multiAz)
      return fail(
        view.storeType === 'database-cluster'
          ? `\`${view.name}\` has a single instance: nothing to fail over to in another zone`
          : view.storeType === 'object-store'
            ? `\`${view.name}\` keeps every copy of its data in one availability zone`
            : `\`${view.name}\` runs in a single availability zone (Multi-AZ is off)`,
      );
    return pass(`\`${view.name}\` spans several availability zones`);
  },
});
