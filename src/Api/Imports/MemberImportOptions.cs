namespace Governance.Api.Imports;

/// <summary>Limits and pace of member imports (section "MemberImport").</summary>
public sealed class MemberImportOptions
{
    public const string Section = "MemberImport";

    /// <summary>
    /// Lines one import request reads as members; each line past it is refused (too-many-lines), so a larger file
    /// goes in several requests.
    /// </summary>
    public long MaxLines { get; set; } = 1_000_000;

    /// <summary>
    /// Joins committed per append. Each batch is one atomic append to the cooperative's log: 2,000 joins with the
    /// longest names stay under the 4 MiB of one Azure append block.
    /// </summary>
    public int BatchSize { get; set; } = 2_000;

    /// <summary>The largest import body accepted, in place of Api:MaxRequestBodyBytes: a million lines with names fit.</summary>
    public long MaxBodyBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>How often a running import reports its counts, which GET of the import shows.</summary>
    public TimeSpan ReportEvery { get; set; } = TimeSpan.FromSeconds(1);

    public void Validate()
    {
        if (MaxLines < 1 || BatchSize is < 1 or > 2_000 || MaxBodyBytes < 1 || ReportEvery <= TimeSpan.Zero || ReportEvery > TimeSpan.FromSeconds(5))
        {
            throw new InvalidOperationException(
                "MemberImport:MaxLines and MemberImport:MaxBodyBytes must be at least 1, MemberImport:BatchSize 1-2000, and MemberImport:ReportEvery more than zero and at most 5 seconds.");
        }
    }
}
