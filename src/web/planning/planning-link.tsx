// The way into auto-planning from a planner's or coordinator's home page.
export function PlanningLink() {
  return null;
}
