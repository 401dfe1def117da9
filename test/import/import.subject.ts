/** `npm test` runs this folder's test files in one module registry (see test/README.md), but for the one with its own entry. */
import { runSubjectFolder } from '../helpers/subjectSuite';

runSubjectFolder(__dirname, { except: ['task.importLostAnswers.test.ts'] });
