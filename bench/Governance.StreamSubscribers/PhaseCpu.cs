namespace Governance.StreamSubscribers;

/// <summary>The CPU seconds a phase of <see cref="Seconds"/> took: the API's, this program's and the machine's.</summary>
internal readonly record struct PhaseCpu(double Seconds, double ApiSeconds, double OwnSeconds, double MachineSeconds)
{
    public double ApiCorePercent => ApiSeconds / Seconds * 100;

    public double OwnCorePercent => OwnSeconds / Seconds * 100;

    /// <summary>What every other process on the machine took, in % of one core.</summary>
    public double OthersCorePercent => Math.Max(0, MachineSeconds - ApiSeconds - OwnSeconds) / Seconds * 100;
}
