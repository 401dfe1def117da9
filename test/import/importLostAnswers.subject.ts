/** The folder's slowest file on an entry of its own (import.subject.ts leaves it out), so `npm test` runs it beside the rest. */
import { runSubjectFolder } from '../helpers/subjectSuite';

runSubjectFolder(__dirname, { only: ['task.importLostAnswers.test.ts'] });
