import fc from 'fast-check';
import { wildcardMatch } from '../../lib/views/common/wildcard';
import { actionMatches } from '../../lib/views/common/policy';

/** The reference semantics, as a regular expression over small inputs. */
function reference(pattern: string, subject: string, question: boolean): boolean {
  const body = pattern
    .split('*')
    .map((part) => {
      const escaped = part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      return question ? escaped.replace(/\\\?/g, '.') : escaped;
    })
    .join('.*');
  return new RegExp(`^${body}$`, 's').test(subject);
}

test('agrees with the regular-expression reading of `*` and `?`', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', '*', '?', '/', '.'), maxLength: 12 });
  fc.assert(
    fc.property(text, text, fc.boolean(), (pattern, subject, question) => {
      expect(wildcardMatch(pattern, subject, { question })).toBe(reference(pattern, subject, question));
    }),
    { numRuns: 3000 },
  );
});

test('IAM actions compare case-insensitively', () => {
  expect(actionMatches('IAM:Pass*', 'iam:PassRole')).toBe(true);
  expect(actionMatches('s3:Get?bject', 's3:GetObject')).toBe(true);
  expect(actionMatches('s3:Get*', 's3:PutObject')).toBe(false);
});

test('a huge or NUL-filled name is matched, never a "regular expression too large" error', () => {
  const huge = 'x'.repeat(2_000_000);
  expect(wildcardMatch(`arn:aws:s3:::${huge}`, `arn:aws:s3:::${huge}`)).toBe(true);
  expect(wildcardMatch(`arn:aws:s3:::${huge}/*`, `arn:aws:s3:::${huge}/key`)).toBe(true);
  const nul = '\u0000'.repeat(100_000);
  expect(wildcardMatch(`${nul}*`, `${nul}tail`)).toBe(true);
  expect(wildcardMatch('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5_000))).toBe(false);
});
