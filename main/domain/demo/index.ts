/** The demo floor: a deterministic generator (also feeding the benchmarks) and its loader. */
export { generateFloor, type DemoUser, type Floor, type FloorOptions } from './floor-generator';
export { loadFloor, type LoadFloorOptions } from './floor-loader';

/** Password of every demo user (`supervisor`, `agente1`…`agente12`), as the README says. */
export const DEMO_PASSWORD = 'atende123';
