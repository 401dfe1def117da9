/** `npm test` runs this folder's test files in one module registry (see test/README.md). */
import { runSubjectFolder } from '../helpers/subjectSuite';

runSubjectFolder(__dirname);
