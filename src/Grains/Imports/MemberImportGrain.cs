using Governance.Contracts.Errors;
using Governance.Contracts.Imports;

namespace Governance.Grains.Imports;

/// <summary>
/// One import's progress, in memory only: the importing request reports its counts after every batch and at least
/// every few seconds, and the record stays an hour after the last report, then goes with the activation. Its size is
/// bounded, as the listed refusals are. A run that stopped reporting, its API process gone, shows failed (interrupted).
/// </summary>
public sealed class MemberImportGrain(TimeProvider clock) : Grain, IMemberImportGrain
{
    /// <summary>A run reports at least every <c>MemberImport:ReportEvery</c> (5 seconds); missing six reports in a row means it is gone.</summary>
    public static readonly TimeSpan SilentFor = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private MemberImportView? _view;

    private string ImportId => this.GetPrimaryKeyString().Split('/')[^1];

    public Task<MemberImportView> Start(string startedBy)
    {
        if (Current() is { State: MemberImportState.Running })
        {
            throw new GovernanceException(
                ErrorKind.Conflict, "import-running", $"Import '{ImportId}' is still running; wait for it to end, or use another import id.");
        }

        var now = clock.GetUtcNow();
        _view = new MemberImportView(ImportId, MemberImportState.Running, 0, 0, 0, 0, [], startedBy, now, now, null);
        DelayDeactivation(KeptFor);
        return Task.FromResult(_view);
    }

    public Task<MemberImportView> Report(MemberImportView view)
    {
        _view = view with { Id = ImportId, UpdatedAt = clock.GetUtcNow() };
        DelayDeactivation(KeptFor);
        return Task.FromResult(_view);
    }

    public Task<MemberImportView> Get() =>
        Task.FromResult(Current() ?? throw new GovernanceException(ErrorKind.NotFound, "import-not-found", $"This cooperative has no import '{ImportId}'."));

    private MemberImportView? Current() =>
        _view is { State: MemberImportState.Running } running && clock.GetUtcNow() - running.UpdatedAt > SilentFor
            ? running with { State = MemberImportState.Failed, Failure = "interrupted" }
            : _view;
}
