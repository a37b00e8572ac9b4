import { relatedRows } from '/work/main/tests/bench/related';
import { printTable } from '/work/main/tests/bench/stats';
console.log(printTable(await relatedRows()));
