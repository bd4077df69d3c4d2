import { PolicySimulator } from "@/components/simulator/policy-simulator";

export default function SimulatorPage() {
  return <PolicySimulator />;
}
