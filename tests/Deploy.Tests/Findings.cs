namespace Governance.Deploy.Tests;

/// <summary>Collects every problem before failing, so one run names them all.</summary>
internal static class Findings
{
    public static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, string.Join(Environment.NewLine, list));
    }
}
