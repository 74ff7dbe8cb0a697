#!/usr/bin/env node
// Benchmark of the submit-time terminology check: how its cost grows with the number of rules.
// All rules are one automaton that scans the text once, so checking an article against 5,000
// rules should cost about what it costs against 10, where a loop of one indexOf per rule grows
// with the rules. Both sizes are measured in the same run, interleaved, and each is reported as a
// ratio to the small-rule baseline. Run with `npm run bench` (compiles first).
const path = require('path');
const { performance } = require('perf_hooks');
const { TerminologyMatcher, textsOf } = require(
  path.join(__dirname, '..', '..', 'dist', 'src', 'workflow', 'terminology.js'),
);

const BASELINE_RULES = Number(process.env.BENCH_BASELINE_RULES || 10);
const RULES = Number(process.env.BENCH_RULES || 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 200);
// Passes alternate between the sizes, so warm-up and machine noise fall on both; medians are reported.
const PASSES = 5;

/** `count` rules: the two that match the article (the same two at every size) and others that never do. */
const rulesOf = (count) => [
  ...Array.from({ length: Math.max(0, count - 2) }, (_, index) => ({
    pattern: `规范${(index + 2).toString(36)}用语`,
    suggestion: '建议用语',
    severity: index % 10 === 0 ? 'block' : 'warn',
    note: null,
  })),
  { pattern: '规范1用语', suggestion: '建议用语', severity: 'warn', note: null },
  { pattern: '中国人民共和国', suggestion: '中华人民共和国', severity: 'block', note: null },
];

// An article of about 20,000 characters in 100 paragraphs, with two hits.
const paragraph =
  '党员服务队坚持“双提升、三服务、四争先”，把党建工作融入运输生产一线，持续提升旅客服务质量。'.repeat(
    4,
  );
const body = Array.from({ length: 100 }, (_, index) => ({
  type: 'paragraph',
  children: [
    {
      type: 'text',
      text:
        index === 50
          ? `${paragraph}中国人民共和国`
          : index === 99
            ? `${paragraph}规范1用语`
            : paragraph,
    },
  ],
}));
const texts = textsOf({ title: '党建动车组服务春运', body });
const characters = texts.reduce((sum, { text }) => sum + text.length, 0);

/** Mean milliseconds of one run of `work`, over `rounds` runs. */
const meanMs = (rounds, work) => {
  const start = performance.now();
  for (let round = 0; round < rounds; round++) work();
  return (performance.now() - start) / rounds;
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const sizes = [BASELINE_RULES, RULES].map((count) => ({
  count,
  rules: rulesOf(count),
  build: [],
  check: [],
  loop: [],
  hits: new Set(),
}));
for (let pass = 0; pass < PASSES; pass++) {
  for (const size of sizes) {
    let matcher;
    size.build.push(meanMs(1, () => (matcher = new TerminologyMatcher(size.rules))));
    size.check.push(
      meanMs(Math.ceil(ROUNDS / PASSES), () =>
        size.hits.add(texts.flatMap(({ field, text }) => matcher.check(field, text)).length),
      ),
    );
    // For comparison: a loop over the rules, one indexOf each, on the same text.
    size.loop.push(
      meanMs(4, () =>
        texts.forEach(({ text }) => size.rules.forEach((rule) => text.indexOf(rule.pattern))),
      ),
    );
  }
}

// Every size must find the same two hits, or the timings compare different work.
for (const size of sizes) {
  if (size.hits.size !== 1 || !size.hits.has(2)) {
    console.error(
      `terminology: ${size.count} rules found ${[...size.hits].join(', ')} hits, expected 2`,
    );
    process.exit(1);
  }
}

const [baseline, large] = sizes;
const ratio = (key) => `${(median(large[key]) / median(baseline[key])).toFixed(1)}×`;
console.log(
  `terminology: ${characters} characters of text, ${large.count} rules against a baseline of ${baseline.count} (medians of ${PASSES} passes)`,
);
console.log(
  `  check one article: ${median(baseline.check).toFixed(2)} ms → ${median(large.check).toFixed(2)} ms, ${ratio('check')} the baseline (rules grew ${(large.count / baseline.count).toFixed(0)}×)`,
);
console.log(
  `  build automaton:   ${median(baseline.build).toFixed(2)} ms → ${median(large.build).toFixed(2)} ms, ${ratio('build')} (once per rule change)`,
);
console.log(
  `  loop of indexOf per rule, for comparison: ${median(baseline.loop).toFixed(2)} ms → ${median(large.loop).toFixed(2)} ms, ${ratio('loop')}`,
);
