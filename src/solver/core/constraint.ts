/** What a registry says about one constraint; enough to render the documentation table. */
export interface ConstraintInfo {
  /** Stable kebab-case id; also the file name of the constraint and of its test. */
  id: string;
  name: string;
  level: 'hard' | 'soft';
  /** Default weight per unit of penalty; a problem may override it. */
  weight?: number;
  description: string;
}
