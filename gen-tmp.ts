import { relatedRows } from './tests/bench/related';
import { printTable } from './tests/bench/stats';
console.log(printTable(await relatedRows()));
