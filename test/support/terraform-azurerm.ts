import { TerraformResource, type TerraformStack } from 'cdktf';

/*
 * CDKTF building blocks for azurerm cases. No CDKTF bindings for the azurerm provider are installed: resources are
 * cdktf's generic `TerraformResource`, whose arguments synthesize into `cdk.tf.json` as given.
 */

/** A resource of an azurerm type with its arguments, as cdktf synthesizes them. */
export function azurerm(
  stack: TerraformStack,
  type: string,
  id: string,
  args: Record<string, unknown>,
  opts: { preventDestroy?: boolean } = {},
): TerraformResource {
  const r = new TerraformResource(stack, id, {
    terraformResourceType: type,
    ...(opts.preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
  });
  for (const [k, v] of Object.entries(args)) r.addOverride(k, v);
  return r;
}

/** An `azurerm_storage_account` in resource group `rg`, zone-redundant unless `args` says otherwise. */
export function azurermAccount(
  stack: TerraformStack,
  id: string,
  args: Record<string, unknown> = {},
  opts: { preventDestroy?: boolean } = {},
): TerraformResource {
  return azurerm(
    stack,
    'azurerm_storage_account',
    id,
    {
      name: id.toLowerCase(),
      resource_group_name: 'rg',
      location: 'westeurope',
      account_tier: 'Standard',
      account_replication_type: 'ZRS',
      ...args,
    },
    opts,
  );
}

/** An `azurerm_management_lock` at `scope` (`CanNotDelete` unless given). */
export function azurermLock(
  stack: TerraformStack,
  id: string,
  scope: string,
  level = 'CanNotDelete',
): TerraformResource {
  return azurerm(stack, 'azurerm_management_lock', id, {
    name: id.toLowerCase(),
    scope,
    lock_level: level,
  });
}
