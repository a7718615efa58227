using System.IO.Pipelines;
using Governance.Api.Grains;
using Governance.Api.Retries;
using Governance.Contracts.Errors;
using Governance.Contracts.Imports;
using Governance.Domain.Cooperatives.Imports;
using Microsoft.Extensions.Options;

namespace Governance.Api.Imports;

/// <summary>
/// Runs one import: reads the body line by line, sends the admitted lines to the cooperative in batches (each one
/// atomic append there), and keeps the tally. The next batch is read while one is on its way, and sent once that one is
/// durable, so memory holds two batches, the ids settled so far and the listed refusals. While it runs, the counts go to the import's grain
/// every <see cref="MemberImportOptions.ReportEvery"/>, and the outcome once it ends, failed included.
/// </summary>
public sealed partial class MemberImporter(GrainReferences grains, IOptions<MemberImportOptions> options, ILogger<MemberImporter> logger)
{
    /// <summary>Refusals an outcome lists; the count covers them all.</summary>
    public const int MaxRefusalsListed = 1_000;

    private readonly MemberImportOptions _options = options.Value;

    public async Task<MemberImportView> RunAsync(
        string cooperativeId, string importId, string by, ImportFormat format, PipeReader body, CancellationToken cancellationToken)
    {
        var record = grains.MemberImport(cooperativeId, importId);
        var started = await record.Start(by);
        var tally = new MemberImportTally(_options.MaxLines, MaxRefusalsListed);
        using var stopReporting = new CancellationTokenSource();
        var reporting = ReportWhileRunningAsync(record, started, tally, stopReporting.Token);
        MemberImportView outcome;
        try
        {
            await ImportAsync(cooperativeId, by, format, body, tally, cancellationToken);
            outcome = View(started, tally, MemberImportState.Completed, null);
        }
        catch (Exception exception)
        {
            outcome = View(started, tally, MemberImportState.Failed, FailureOf(exception));
            await StopAsync(stopReporting, reporting);
            await TryReportAsync(record, outcome);
            throw;
        }

        await StopAsync(stopReporting, reporting);
        return await record.Report(outcome);
    }

    private async Task ImportAsync(
        string cooperativeId, string by, ImportFormat format, PipeReader body, MemberImportTally tally, CancellationToken cancellationToken)
    {
        var cooperative = grains.Cooperative(cooperativeId);
        var lines = BodyLines.ReadAsync(body, cancellationToken);
        var records = format == ImportFormat.Csv ? CsvRecords.ReadAsync(lines, cancellationToken) : NdjsonRecords.ReadAsync(lines, cancellationToken);
        var batch = new List<ImportLine>(_options.BatchSize);
        var committing = Task.CompletedTask;
        try
        {
            await foreach (var read in records)
            {
                bool admitted;
                lock (tally)
                {
                    admitted = read.Line is { } line ? tally.Admit(line) : Reject(tally, read.Refusal!);
                }

                if (admitted)
                {
                    batch.Add(read.Line!);
                    if (batch.Count == _options.BatchSize)
                    {
                        await committing;
                        committing = CommitAsync(cooperative, by, Unsettled(batch, tally), tally);
                        batch = new List<ImportLine>(_options.BatchSize);
                    }
                }
            }

            await committing;
            batch = Unsettled(batch, tally);
            if (batch.Count > 0)
            {
                await CommitAsync(cooperative, by, batch, tally);
            }
        }
        finally
        {
            // Whatever ended the run, the batch on its way is settled in the tally before the outcome is told.
            await Task.WhenAny(committing);
        }
    }

    private static List<ImportLine> Unsettled(List<ImportLine> batch, MemberImportTally tally)
    {
        lock (tally)
        {
            return tally.WithoutSettled(batch);
        }
    }

    private static bool Reject(MemberImportTally tally, ImportRefusal refusal)
    {
        tally.Reject(refusal);
        return false;
    }

    private static async Task CommitAsync(Contracts.Cooperatives.ICooperativeGrain cooperative, string by, List<ImportLine> batch, MemberImportTally tally)
    {
        var result = await cooperative.ImportMembers([.. batch.Select(line => new MemberImportLine(line.Number, line.Id, line.Name))], by);
        lock (tally)
        {
            tally.Settle(batch, result.Added, result.Existing, [.. result.Refused.Select(refusal => new ImportRefusal(refusal.Line, refusal.Code, refusal.Message))]);
        }
    }

    /// <summary>The counts so far, every period, so that a client polling the import sees it move and a silent one is known gone.</summary>
    private async Task ReportWhileRunningAsync(IMemberImportGrain record, MemberImportView started, MemberImportTally tally, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.ReportEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                MemberImportView progress;
                lock (tally)
                {
                    progress = View(started, tally, MemberImportState.Running, null);
                }

                await TryReportAsync(record, progress);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended; its outcome is reported next.
        }
    }

    private static async Task StopAsync(CancellationTokenSource stopReporting, Task reporting)
    {
        await stopReporting.CancelAsync();
        await reporting;
    }

    /// <summary>The record is what the request saw, not the members: a report that fails costs the view, never the import.</summary>
    private async Task TryReportAsync(IMemberImportGrain record, MemberImportView view)
    {
        try
        {
            await record.Report(view);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReportFailed(exception, view.Id);
        }
    }

    private static MemberImportView View(MemberImportView started, MemberImportTally tally, MemberImportState state, string? failure) =>
        started with
        {
            State = state,
            Lines = tally.Lines,
            Added = tally.Added,
            Existing = tally.Existing,
            Refused = tally.Refused,
            Refusals = [.. tally.Refusals.Select(refusal => new MemberImportRefusal(refusal.Line, refusal.Code, refusal.Message))],
            Failure = failure,
        };

    private static string FailureOf(Exception exception) => exception switch
    {
        GovernanceException rejected => rejected.Code,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => "body-too-large",
        _ when TransientFaults.IsTransient(exception) => "unavailable",

        // The client went away, or its connection broke, before the body ended.
        OperationCanceledException or IOException or BadHttpRequestException => "interrupted",
        _ => "internal-error",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The progress of member import {ImportId} could not be recorded; the import goes on.")]
    private partial void LogReportFailed(Exception exception, string importId);
}
