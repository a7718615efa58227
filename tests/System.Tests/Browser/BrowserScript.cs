using System.Diagnostics;
using System.Text;
using Governance.TestServices;

namespace Governance.System.Tests.Browser;

/// <summary>What a script in tests/Browser printed, and how it ended.</summary>
public sealed record BrowserScriptRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => $"exit code {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";

    /// <summary>The script's result: the last line it printed to stdout.</summary>
    public string LastLine => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}

/// <summary>
/// A Node script in tests/Browser that drives Debian's chromium with playwright-core, given its input as JSON on
/// stdin. Nothing is downloaded at test time: chromium comes from apt and playwright-core from tests/Browser's lock file.
/// </summary>
public static class BrowserScript
{
    private const string HowToInstall = "run .ci/run, or apt-get install chromium nodejs and npm ci in tests/Browser";

    public static string Chromium => Executables.Find("CHROMIUM", "chromium", HowToInstall);

    public static async Task<BrowserScriptRun> RunAsync(string script, string inputJson, TimeSpan timeout)
    {
        var folder = RepositoryRoot.Combine("tests", "Browser");
        if (!File.Exists(Path.Combine(folder, "node_modules", "playwright-core", "package.json")))
        {
            throw new InvalidOperationException($"playwright-core is not installed in {folder}: {HowToInstall}.");
        }

        var start = new ProcessStartInfo(Executables.Find("NODE", "node", HowToInstall))
        {
            ArgumentList = { script },
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(standardOutput, line.Data);
        process.ErrorDataReceived += (_, line) => Append(standardError, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.StandardInput.WriteAsync(inputJson);
        process.StandardInput.Close();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append(standardError, $"killed: the script did not finish within {timeout.TotalSeconds} s");
        }

        return new BrowserScriptRun(process.ExitCode, Read(standardOutput), Read(standardError));
    }

    private static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }
}
