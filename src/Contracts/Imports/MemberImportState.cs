namespace Governance.Contracts.Imports;

[GenerateSerializer]
public enum MemberImportState
{
    /// <summary>Lines are still being read and committed.</summary>
    Running,

    /// <summary>Every line was read; the counts are final.</summary>
    Completed,

    /// <summary>The import stopped early (see failure); the lines counted as added are committed, so sending the same file again completes it.</summary>
    Failed,
}
