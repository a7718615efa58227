using Governance.Verify.Checks;
using Governance.Verify.Records;
using Governance.Verify.Report;

namespace Governance.Verify;

/// <summary>
/// verify &lt;audit.json | -&gt; [--chains]: recounts an audit record from the record alone and reports what matched.
/// Exits 0 when everything matched, 1 on any mismatch, 2 when the record cannot be read.
/// </summary>
public static class VerifyCommand
{
    public const int Verified = 0;
    public const int Mismatch = 1;
    public const int Unreadable = 2;

    private const string Usage = "usage: dotnet run --project tools/Verify -- <audit.json | -> [--chains]   ('-' reads standard input; --chains lists every member's chain)";

    public static int Run(IReadOnlyList<string> arguments, TextReader input, TextWriter output)
    {
        var everyChain = arguments.Contains("--chains");
        var paths = arguments.Where(argument => argument != "--chains").ToList();
        if (paths.Count != 1)
        {
            output.WriteLine(Usage);
            return Unreadable;
        }

        AuditRecord record;
        try
        {
            record = RecordReader.Read(paths[0] == "-" ? input.ReadToEnd() : File.ReadAllText(paths[0]));
        }
        catch (Exception exception) when (exception is UnreadableRecordException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"UNREADABLE: {exception.Message}");
            return Unreadable;
        }

        var verification = Verification.Of(record);
        ReportWriter.Write(verification, output, everyChain);
        return verification.Verified ? Verified : Mismatch;
    }
}
