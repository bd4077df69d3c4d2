import { route } from "@/lib/server/route";
import { simulationSchema } from "@/lib/schemas/simulator";
import { runSimulation } from "@/lib/server/services/simulator";

export const POST = route(simulationSchema, ({ principal, input }) => runSimulation({ principal, input }));
