// Every command of this area runs over arbitrary field values (text, numbers, booleans, multivalues) without throwing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runQuery } from '../helpers/run.js';

const scalar = fc.oneof(fc.string({ maxLength: 5 }), fc.double(), fc.integer(), fc.boolean(), fc.constantFrom('{"a":[1,2]}', '<a><b>1</b></a>', '10.0.0.1', ''));
const value = fc.oneof(scalar, fc.array(scalar, { minLength: 2, maxLength: 3 }));
const event = fc.record({ a: value, b: value, _time: fc.oneof(fc.integer({ min: 0, max: 2e9 }), scalar) }, { requiredKeys: [] });

const PIPELINES = [
  '* | eval c=a+b, d=if(a>b, a, b), e=a.b | where c > 1 OR isnull(c)',
  '* | fillnull value=x | fillnull a',
  '* | foreach a b [eval <<FIELD>>_n=tonumber(<<FIELD>>)] | foreach mode=multivalue a [eval s=s.<<ITER>>]',
  '* | foreach mode=json_array a [eval j=<<ITEM>>]',
  '* | regex a="\\d" | replace 1* WITH one* IN a, b | replace x WITH y',
  '* | makemv delim="," a | makemv tokenizer="(\\d)" b | nomv a | mvexpand b limit=2 | mvcombine b',
  '* | spath input=a | spath input=a output=o path=a{0} | fromjson a | xmlkv a',
  '* | bin span=10 a | bin _time span=1d | bin b bins=5 | bucket _time',
  '* | dedup a b keepempty=t sortby -num(a) | sort 0 a, -str(b), ip(_time) | tail 3 | reverse',
  '* | top a by b | rare b',
  '* | addtotals col=t | addtotals fieldname=t a b',
];

describe('commands never throw on unexpected value types', () => {
  for (const query of PIPELINES) {
    it(query, () => {
      fc.assert(
        fc.property(fc.array(event, { maxLength: 6 }), (events) => {
          expect(() => runQuery(query, events)).not.toThrow();
        }),
        { numRuns: 60 },
      );
    });
  }
});
