import { describe, expect, it } from 'vitest';
import { parseDatasetRef } from './datasetId';
import { MalformedDatasetIdError } from './hubErrors';

describe('parseDatasetRef', () => {
  it.each([
    ['nvidia/Open-SWE-Traces', { repo: 'nvidia/Open-SWE-Traces' }],
    ['  AlienKevin/SWE-ZERO-1k-trajectories-32k ', { repo: 'AlienKevin/SWE-ZERO-1k-trajectories-32k' }],
    ['datasets/SWE-Gym/OpenHands-Sampled-Trajectories', { repo: 'SWE-Gym/OpenHands-Sampled-Trajectories' }],
    ['hf://datasets/nebius/SWE-agent-trajectories@v1.0', { repo: 'nebius/SWE-agent-trajectories', revision: 'v1.0' }],
    ['https://huggingface.co/datasets/nvidia/Open-SWE-Traces', { repo: 'nvidia/Open-SWE-Traces' }],
    ['https://huggingface.co/datasets/nvidia/Open-SWE-Traces/tree/main/data', { repo: 'nvidia/Open-SWE-Traces' }],
    ['https://huggingface.co/datasets/o/n/tree/refs%2Fconvert%2Fparquet', { repo: 'o/n', revision: 'refs/convert/parquet' }],
    ['https://huggingface.co/datasets/o/n/tree/refs/convert/parquet/default', { repo: 'o/n', revision: 'refs/convert/parquet' }],
    ['https://huggingface.co/datasets/o/n/blob/abc123/README.md', { repo: 'o/n', revision: 'abc123' }],
    ['https://huggingface.co/datasets/o/n/viewer/default/train?row=3', { repo: 'o/n' }],
    ['http://127.0.0.1:4411/datasets/o/my_data.v2', { repo: 'o/my_data.v2' }],
  ])('%s', (input, expected) => expect(parseDatasetRef(input)).toEqual(expected));

  it.each(['foo', '', 'a/b/c', 'owner/', '/name', 'o/n--x', 'o/..', 'o/n.', 'o/-n', 'o n/x', `o/${'x'.repeat(100)}`, 'https://huggingface.co/o/n/extra'])(
    '"%s" is refused with a message that says what an id looks like',
    (input) => {
      expect(() => parseDatasetRef(input)).toThrow(MalformedDatasetIdError);
    },
  );

  it('names the input in the message', () => {
    expect(() => parseDatasetRef('foo')).toThrow('"foo" is not owner/name: a Hugging Face dataset id looks like nvidia/Open-SWE-Traces (a dataset URL works too)');
  });
});
