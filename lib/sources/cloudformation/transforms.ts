/**
 * Template transforms, applied to a template before its references are resolved, as CloudFormation
 * applies them before deployment: `AWS::LanguageExtensions` (`Fn::ForEach`, intrinsic
 * `DeletionPolicy`), then `AWS::Serverless-2016-10-31` (SAM). Every resource a transform produced
 * records where it came from; a declaration a transform owns that could not be expanded (another
 * macro, an unknown SAM type or property, a loop over a value known only at deploy time) is kept
 * with the reason, so it is reported, never read as if it were deployed as written.
 */
import type { TransformOrigin } from '../../graph/resource';
import { expandForEachSection, FOREACH_PREFIX, hasForEach } from './foreach';
import { expandSamResource, SAM_TRANSFORM, type SamContext } from './sam';

export const LANGUAGE_EXTENSIONS = 'AWS::LanguageExtensions';

/** The declaration type of a loop that could not be expanded: no adapter reads it. */
export const UNEXPANDED_LOOP_TYPE = 'Fn::ForEach';

export interface ExpandedTemplate {
  readonly body: Record<string, unknown>;
  /** Logical id (after expansion) -> how a transform produced it. */
  readonly origins: ReadonlyMap<string, TransformOrigin>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The transforms a template declares, in order: `Transform` is a name, a list, or `{ Name }` objects. */
export function declaredTransforms(body: Obj): string[] {
  const t = body.Transform;
  const list = Array.isArray(t) ? (t as unknown[]) : t === undefined ? [] : [t];
  return list.map((x) =>
    typeof x === 'string' ? x : isObj(x) && typeof x.Name === 'string' ? x.Name : String(x),
  );
}

/** Apply the template's transforms; a template without any is returned as it is. */
export function expandTransforms(body: Obj): ExpandedTemplate {
  const resources = body.Resources as Record<string, Obj>;
  const transforms = declaredTransforms(body);
  const ids = Object.keys(resources);
  const samTypes = ids.some((id) => {
    const type = resources[id]?.Type;
    return typeof type === 'string' && type.startsWith('AWS::Serverless::');
  });
  const loops = ids.some((k) => k.startsWith(FOREACH_PREFIX));
  if (transforms.length === 0 && !samTypes && !loops) return { body, origins: new Map() };

  const origins = new Map<string, TransformOrigin>();
  let out: Obj = { ...body };
  let current: Record<string, Obj> = { ...resources };

  if (transforms.includes(LANGUAGE_EXTENSIONS) || loops) {
    const declared = transforms.includes(LANGUAGE_EXTENSIONS);
    const parameters = isObj(body.Parameters) ? body.Parameters : {};
    const r = expandForEachSection(current, parameters);
    const next: Record<string, Obj> = {};
    for (const [id, decl] of Object.entries(r.value)) {
      const from = r.expandedFrom.get(id);
      if (from !== undefined && !declared) continue;
      next[id] = withPolicies(decl as Obj, parameters, declared);
      if (from !== undefined) {
        origins.set(id, {
          transform: LANGUAGE_EXTENSIONS,
          declaredAs: from,
          declaredType: typeof next[id].Type === 'string' ? next[id].Type : undefined,
          primary: true,
        });
      }
    }
    const loopsNotRead = declared ? [...r.unexpanded] : [];
    if (!declared) {
      for (const k of Object.keys(current).filter((k) => k.startsWith(FOREACH_PREFIX))) {
        loopsNotRead.push({
          key: k,
          reason: `\`Fn::ForEach\` needs \`Transform: ${LANGUAGE_EXTENSIONS}\`, which the template does not declare`,
          fragment: undefined,
        });
      }
    }
    for (const u of loopsNotRead) {
      const type = isObj(u.fragment) && typeof u.fragment.Type === 'string' ? u.fragment.Type : undefined;
      next[u.key] = { Type: UNEXPANDED_LOOP_TYPE, Properties: {} };
      origins.set(u.key, {
        transform: LANGUAGE_EXTENSIONS,
        declaredAs: u.key,
        declaredType: type,
        primary: true,
        unexpanded: u.reason,
        transformDeclared: declared,
      });
    }
    current = next;
    if (declared) {
      for (const section of ['Outputs', 'Conditions'] as const) {
        const s = body[section];
        if (isObj(s) && hasForEach(s)) out[section] = expandForEachSection(s, parameters).value;
      }
    }
  }

  if (transforms.includes(SAM_TRANSFORM) || samTypes) {
    const declared = transforms.includes(SAM_TRANSFORM);
    const ctx: SamContext = {
      resources: current,
      globals: declared && isObj(body.Globals) ? body.Globals : {},
      created: new Set(),
    };
    const next: Record<string, Obj> = {};
    const pending: [string, Obj][] = [];
    for (const [id, decl] of Object.entries(current)) {
      if (typeof decl.Type === 'string' && decl.Type.startsWith('AWS::Serverless::'))
        pending.push([id, decl]);
      else next[id] = decl;
    }
    for (const [id, decl] of pending) {
      const type = decl.Type as string;
      const declaredAs = origins.get(id)?.declaredAs ?? id;
      const keep = (reason: string) => {
        next[id] = decl;
        origins.set(id, {
          transform: SAM_TRANSFORM,
          declaredAs,
          declaredType: type,
          primary: true,
          unexpanded: reason,
          transformDeclared: declared,
        });
      };
      if (!declared) {
        keep(`\`${type}\` needs \`Transform: ${SAM_TRANSFORM}\`, which the template does not declare`);
        continue;
      }
      const e = expandSamResource(id, decl, ctx);
      if (e.problem !== undefined) {
        // An implicit API this declaration would have created is left to the next one that uses it.
        for (const c of [...ctx.created]) if (!(c in next)) ctx.created.delete(c);
        keep(e.problem);
        continue;
      }
      const clash = e.parts.find(
        (p) =>
          p.logicalId !== id &&
          (p.logicalId in next || p.logicalId in current) &&
          !ctx.created.has(p.logicalId),
      );
      if (clash) {
        keep(`SAM would declare \`${clash.logicalId}\`, which the template already declares`);
        continue;
      }
      for (const part of e.parts) {
        if (part.logicalId in next) continue; // an implicit API shared by several functions
        next[part.logicalId] = part.declaration;
        origins.set(part.logicalId, {
          transform: SAM_TRANSFORM,
          declaredAs,
          declaredType: type,
          primary: part.logicalId === id,
          part: part.part,
        });
      }
    }
    current = next;
    delete out.Globals;
  }

  const others = transforms.filter((t) => t !== SAM_TRANSFORM && t !== LANGUAGE_EXTENSIONS);
  if (others.length) {
    const names = others.map((t) => `\`${t}\``).join(', ');
    for (const [id, decl] of Object.entries(current)) {
      const o = origins.get(id);
      if (o?.unexpanded !== undefined) continue;
      origins.set(id, {
        transform: others[0]!,
        declaredAs: o?.declaredAs ?? id,
        declaredType: o?.declaredType ?? (typeof decl.Type === 'string' ? decl.Type : undefined),
        primary: o?.primary ?? true,
        unexpanded: `the template's transform ${names} is not expanded by Bulwark: what it deploys was not read`,
      });
    }
  }
  out = { ...out, Resources: current };
  return { body: out, origins };
}

/**
 * `DeletionPolicy` and `UpdateReplacePolicy` written as a `Ref` to a parameter (allowed under the
 * language extensions) take the parameter's default; otherwise they stay as written.
 */
function withPolicies(decl: Obj, parameters: Obj, declared: boolean): Obj {
  if (!declared) return decl;
  let out = decl;
  for (const k of ['DeletionPolicy', 'UpdateReplacePolicy'] as const) {
    const v = decl[k];
    if (isObj(v) && typeof v.Ref === 'string' && Object.keys(v).length === 1) {
      const p = parameters[v.Ref];
      if (isObj(p) && typeof p.Default === 'string') out = { ...out, [k]: p.Default };
    }
  }
  return out;
}
