import { countKeySeparators, decodeText, parseJsonTemplate } from '../../lib/sources/cloudformation/parse';

describe('JSON templates: duplicate keys', () => {
  test('colons inside strings, escaped quotes and backslashes are not key separators', () => {
    expect(countKeySeparators('{"a":1,"b\\"":"c:d", "e" : [":", "\\\\"], "f":{"g\\\\":"h"}}')).toBe(5);
  });

  test('the same key in different objects is not a duplicate', () => {
    const text = JSON.stringify({
      Resources: {
        A: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'k', Value: 'a:b"' }, { Key: 'k' }] } },
        B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: '\\":', Tags: [{ Key: 'k' }] } },
      },
    });
    expect(Object.keys(parseJsonTemplate('t.json', text).body.Resources as object)).toEqual(['A', 'B']);
  });

  test('a key given twice is found behind escapes at the end of strings', () => {
    // Keys ending in an escaped backslash, an escaped quote, or both.
    for (const key of ['A\\\\', 'A\\"', 'A\\\\\\"', 'A\\\\\\\\']) {
      const text = `{"Resources": {"${key}": {"Type": "AWS::S3::Bucket"}, "B": {"Type": "x\\\\"},\r\n\t"${key}": {"Type": "AWS::SNS::Topic"}}}`;
      expect(() => parseJsonTemplate('t.json', text)).toThrow(/t\.json:2:2: duplicate key/);
      const renamed = text.replace(`\t"${key}"`, `\t"${key}2"`);
      expect(Object.keys(parseJsonTemplate('t.json', renamed).body.Resources as object)).toHaveLength(3);
    }
  });

  test('a key given twice inside a list of objects is named with its line', () => {
    const text =
      '{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [\n{"Key": "a", "Value": "1"},\n  {"Key": "b", "Key": "c"}]}}}}';
    expect(() => parseJsonTemplate('t.json', text)).toThrow('t.json:3:16: duplicate key `Key`');
  });
});

describe('JSON templates: declaration lines', () => {
  test('each resource is located at its key under the top-level Resources, and nowhere else', () => {
    const text = [
      '{"Metadata": {"Resources": {"Decoy": {}}},',
      ' "Resources": {',
      '  "A": {"Type": "AWS::S3::Bucket", "Properties": {"Resources": {"B": 1}}},',
      '  "Esc\\u0061ped"',
      '    : {"Type": "AWS::SNS::Topic"}, "C:\\"x": {"Type": "AWS::SQS::Queue"}',
      ' }}',
    ].join('\n');
    const t = parseJsonTemplate('t.json', text);
    expect(Object.keys(t.body.Resources as object)).toEqual(['A', 'Escaped', 'C:"x']);
    expect(t.locate('A')).toEqual({ file: 't.json', line: 3, column: 3 });
    expect(t.locate('Escaped')).toEqual({ file: 't.json', line: 4, column: 3 });
    expect(t.locate('C:"x')).toEqual({ file: 't.json', line: 5, column: 36 });
    expect(t.locate('Decoy')).toEqual({ file: 't.json' });
    expect(t.locate('B')).toEqual({ file: 't.json' });
  });

  test('keys and values ending in backslashes and escaped quotes, CRLF, LF and empty lines, tab indentation', () => {
    const text = [
      '{"Description": "ends in a backslash \\\\", "Resources": {',
      '\n',
      '\t"A\\\\": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "q\\"\\\\"}},',
      '\t\t"B\\"": {"Type": "AWS::SNS::Topic"}, "C\\\\\\"": {"Type": "AWS::SQS::Queue"},',
      '  \t "D\u00e9\u00e9": {"Type": "AWS::SQS::Queue"}, "E": {"Type": "AWS::SQS::Queue"}',
      '}}',
    ].join('\r\n');
    const t = parseJsonTemplate('t.json', text);
    expect(Object.keys(t.body.Resources as object)).toEqual(['A\\', 'B"', 'C\\"', 'D\u00e9\u00e9', 'E']);
    expect(t.locate('A\\')).toEqual({ file: 't.json', line: 4, column: 2 });
    expect(t.locate('B"')).toEqual({ file: 't.json', line: 5, column: 3 });
    expect(t.locate('C\\"')).toEqual({ file: 't.json', line: 5, column: 39 });
    expect(t.locate('D\u00e9\u00e9')).toEqual({ file: 't.json', line: 6, column: 5 });
    expect(t.locate('E')).toEqual({ file: 't.json', line: 6, column: 41 });
  });

  test('columns count characters, not bytes: after a byte-order mark, non-ASCII text and a malformed byte', () => {
    const read = (bytes: Buffer) => parseJsonTemplate('t.json', decodeText('t.json', bytes), bytes);
    const wide = read(
      Buffer.from(
        '\uFEFF{"Description": "\u00e9\u{1F600}", "Resources": {"A": {"Type": "AWS::S3::Bucket"}, "B\u00e9": {"Type": "AWS::SNS::Topic"}}}',
      ),
    );
    // `é` is one character, the emoji two (a surrogate pair); the byte-order mark none.
    expect(wide.locate('A')).toEqual({ file: 't.json', line: 1, column: 38 });
    expect(wide.locate('B\u00e9')).toEqual({ file: 't.json', line: 1, column: 72 });
    const malformed = read(
      Buffer.concat([
        Buffer.from('{"Description": "'),
        Buffer.from([0xc3]),
        Buffer.from('", "Resources": {"A": {"Type": "AWS::S3::Bucket"}}}'),
      ]),
    );
    // The lone lead byte reads as one replacement character.
    expect(malformed.locate('A')).toEqual({ file: 't.json', line: 1, column: 36 });
  });
});
