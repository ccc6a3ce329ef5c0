// The data a MIP is handed to HiGHS in: columns with cost, bounds and integrality, rows with
// bounds, and the constraint matrix in compressed sparse row form. Everything is a typed array
// so the model crosses into the worker thread by transfer, without a copy.

export type SparseMip = {
  numCols: number;
  numRows: number;
  sense?: 'minimize' | 'maximize';
  /** Constant added to the objective. */
  offset?: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 0 = continuous, 1 = integer (HiGHS variable types). */
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  matrix: { format: 'csr'; starts: Int32Array; indices: Int32Array; values: Float64Array };
};

export type MipColumn = { cost: number; lower: number; upper: number; isInteger: boolean };

/** Collects columns and rows one at a time and packs them into a `SparseMip`. */
export type MipBuilder = {
  /** Adds a column and returns its index. */
  addColumn(column: MipColumn): number;
  /** Adds a row `lower ≤ Σ coefficient·x[column] ≤ upper`; repeated columns are summed. */
  addRow(lower: number, upper: number, columns: readonly number[], coefficients: readonly number[]): number;
  readonly numCols: number;
  readonly numRows: number;
  build(options?: { sense?: 'minimize' | 'maximize'; offset?: number }): SparseMip;
};

export function createMipBuilder(): MipBuilder {
  const cost: number[] = [];
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const integrality: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];

  return {
    addColumn(column) {
      cost.push(column.cost);
      colLower.push(column.lower);
      colUpper.push(column.upper);
      integrality.push(column.isInteger ? 1 : 0);
      return cost.length - 1;
    },
    addRow(lower, upper, columns, coefficients) {
      if (columns.length !== coefficients.length) throw new Error('addRow: columns and coefficients differ in length');
      // HiGHS rejects a row that names a column twice, so merge duplicates here.
      const merged = new Map<number, number>();
      columns.forEach((column, i) => {
        if (column < 0 || column >= cost.length) throw new Error(`addRow: column ${column} does not exist`);
        merged.set(column, (merged.get(column) ?? 0) + coefficients[i]!);
      });
      for (const [column, value] of merged) {
        if (value === 0) continue;
        indices.push(column);
        values.push(value);
      }
      starts.push(indices.length);
      rowLower.push(lower);
      rowUpper.push(upper);
      return rowLower.length - 1;
    },
    get numCols() {
      return cost.length;
    },
    get numRows() {
      return rowLower.length;
    },
    build(options = {}) {
      return {
        numCols: cost.length,
        numRows: rowLower.length,
        sense: options.sense ?? 'minimize',
        offset: options.offset ?? 0,
        colCost: Float64Array.from(cost),
        colLower: Float64Array.from(colLower),
        colUpper: Float64Array.from(colUpper),
        integrality: Int32Array.from(integrality),
        rowLower: Float64Array.from(rowLower),
        rowUpper: Float64Array.from(rowUpper),
        matrix: { format: 'csr', starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
      };
    },
  };
}
