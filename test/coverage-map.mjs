// tap coverage map: the CLI test drives child processes through tsx, whose source
// maps differ from tap's loader and garble the merged report, so it counts for no
// file's coverage. Every other test covers whatever it loads.
export default function coverageMap (testFile) {
  return testFile.endsWith('cli.test.ts') ? null : []
}
