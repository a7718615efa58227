using Governance.Verify.Tests.Records;

namespace Governance.Verify.Tests.Command;

/// <summary>The command as users run it: its report, and exit code 0 when verified, 1 on a mismatch, 2 when the record cannot be read.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("verify-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_faithful_record_verifies_and_exits_0()
    {
        var (exit, report) = Run(Recorded.Oven);

        Assert.Equal(0, exit);
        Assert.Contains("Audit record of proposal 'oven' in cooperative 'acme'", report);
        Assert.Contains("Chains: 4 counted, 0 lost", report);
        Assert.Contains("  ok     digest                 sha256:3c83edbe78aed9eb035c79b0489a69e5e81b71a96dc60cbf9b939a7b05e7fd73", report);
        Assert.Contains("  ok     result.counts          3 values", report);
        Assert.EndsWith("VERIFIED: the digest matches and the result is what the record's ballots and delegations give.\n", report);
    }

    [Fact]
    public void A_changed_ballot_fails_the_digest_and_exits_1()
    {
        var (exit, report) = Run(Recorded.Oven.Replace("\"choice\": \"yes\"", "\"choice\": \"no\""));

        Assert.Equal(1, exit);
        Assert.Contains("  FAIL   digest                 expected sha256:", report);
        Assert.Contains("  FAIL   result.counts.yes      expected 0, found 4", report);
        Assert.Contains("  FAIL   result.counts.no       expected 4, found 0", report);
        Assert.Contains("  FAIL   result.outcome         expected \"rejected\", found \"accepted\"", report);
        Assert.EndsWith("MISMATCH: 4 checks failed.\n", report);
    }

    [Theory]
    [InlineData("\"decision\": {\"dan\": \"cat\"}", "\"decision\": {\"dan\": null}", "result.participation   expected 3, found 4")]
    [InlineData("\"eligible\": [\"ann\", \"ben\", \"cat\", \"dan\"]", "\"eligible\": [\"ann\", \"ben\", \"cat\"]", "result.eligible        expected 3, found 4")]
    public void A_changed_delegation_or_eligible_list_fails_the_recount_even_with_a_digest_forged_to_match(string original, string changed, string failure)
    {
        var forged = Recorded.Sealed(Recorded.Oven.Replace(original, changed));

        var (exit, report) = Run(forged);

        Assert.Equal(1, exit);
        Assert.Contains("  ok     digest", report);
        Assert.Contains($"  FAIL   {failure}", report);
    }

    [Fact]
    public void Chains_lists_every_members_chain()
    {
        var (exit, report) = Run(Recorded.Oven, "--chains");

        Assert.Equal(0, exit);
        Assert.Contains("  dan -> cat (decision) -> ben (topic) -> ann (default): carried by ann\n", report);
        Assert.Contains("  ann: carried by ann\n", report);
    }

    [Fact]
    public void A_dash_reads_the_record_from_standard_input()
    {
        var output = new StringWriter();

        Assert.Equal(0, VerifyCommand.Run(["-"], new StringReader(Recorded.Oven), output));
    }

    [Theory]
    [InlineData("not json", "UNREADABLE: The input is not JSON")]
    [InlineData("""{"decision": {}}""", "UNREADABLE: decision: 'kind' is missing.")]
    [InlineData("""{"eligible": [], "eligible": []}""", "UNREADABLE: $: 'eligible' is given twice.")]
    public void A_record_that_cannot_be_read_exits_2(string json, string message)
    {
        var (exit, report) = Run(json);

        Assert.Equal(2, exit);
        Assert.StartsWith(message, report);
    }

    [Fact]
    public void An_unknown_method_a_missing_file_or_no_file_exits_2()
    {
        Assert.Equal(2, Run(Recorded.Oven.Replace("\"majority\"", "\"lottery\"")).Exit);
        Assert.StartsWith("UNREADABLE: decision.method: 'lottery' is not a method the verifier knows", Run(Recorded.Oven.Replace("\"majority\"", "\"lottery\"")).Report);
        Assert.Equal(2, VerifyCommand.Run([Path.Combine(_directory, "missing.json")], TextReader.Null, new StringWriter()));
        var usage = new StringWriter();
        Assert.Equal(2, VerifyCommand.Run([], TextReader.Null, usage));
        Assert.StartsWith("usage: dotnet run --project tools/Verify -- <audit.json | ->", usage.ToString());
    }

    private (int Exit, string Report) Run(string record, params string[] options)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, record);
        var output = new StringWriter { NewLine = "\n" };
        var exit = VerifyCommand.Run([path, .. options], TextReader.Null, output);
        return (exit, output.ToString());
    }
}
