// fast-check as the tests use it: an arbitrary given a maxLength generates up to it. By default
// fast-check's 'small' size caps every array, string and byte array at 10 items whatever its
// maxLength says (a fuzzer of "files up to 3,000 bytes" made files of up to 10), so the bounds
// written in the tests were not what they tried.
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), defaultSizeToMaxWhenMaxSpecified: true });

export default fc;
