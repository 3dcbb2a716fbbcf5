/** Prints the plain closing line CI reads: "tests: N passed, N failed, N skipped". */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const suitesFailed = results.numFailedTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests + (results.numRuntimeErrorTestSuites || 0)} failed, ${results.numPendingTests + results.numTodoTests} skipped`;
    process.stdout.write(`\n${line}\n`);
    if (suitesFailed) process.stdout.write(`(${suitesFailed} suite(s) failed)\n`);
  }
}
module.exports = SummaryReporter;
