// Roster text: one line per employee, `EmployeeID` then one token per day, the shift ID or `-`
// for a day off, separated by spaces. The same file the CLI writes with `--out`.
import { CurtoisParseError } from './instance.js';
import { createEmptyRoster, OFF, type CurtoisProblem, type Roster } from './problem.js';

export function formatRoster(problem: CurtoisProblem, roster: Roster): string {
  const { employees, shifts } = problem.instance;
  return employees
    .map((employee, e) => {
      const days = Array.from(roster.subarray(e * problem.horizon, (e + 1) * problem.horizon), (value) => (value === OFF ? '-' : shifts[value]!.id));
      return `${employee.id} ${days.join(' ')}\n`;
    })
    .join('');
}

export function parseRoster(problem: CurtoisProblem, text: string): Roster {
  const roster = createEmptyRoster(problem);
  const shiftIndex = new Map(problem.instance.shifts.map((s, i) => [s.id, i]));
  const employeeIndex = new Map(problem.instance.employees.map((e, i) => [e.id, i]));
  const seen = new Set<number>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [id, ...days] = line.split(/\s+/) as [string, ...string[]];
    const employee = employeeIndex.get(id);
    if (employee === undefined) throw new CurtoisParseError(i + 1, `unknown employee ${id}`);
    if (seen.has(employee)) throw new CurtoisParseError(i + 1, `second line for employee ${id}`);
    seen.add(employee);
    if (days.length !== problem.horizon) throw new CurtoisParseError(i + 1, `${days.length} days, expected ${problem.horizon}`);
    days.forEach((token, day) => {
      if (token === '-') return;
      const shift = shiftIndex.get(token);
      if (shift === undefined) throw new CurtoisParseError(i + 1, `unknown shift ${token} on day ${day}`);
      roster[employee * problem.horizon + day] = shift;
    });
  });
  if (seen.size !== problem.employeeCount) throw new CurtoisParseError(text.split('\n').length, `${problem.employeeCount - seen.size} employee(s) missing`);
  return roster;
}
