/// <summary>A measured rate: operations per second of wall-clock time and per second of the process's CPU time.</summary>
internal sealed record Rate(double Wall, double Cpu);
