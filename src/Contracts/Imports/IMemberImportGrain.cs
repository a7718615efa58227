namespace Governance.Contracts.Imports;

/// <summary>
/// The progress and outcome of one import of members, held in memory for an hour after its last report: the members
/// themselves are in the cooperative's log, this is only what the importing request saw. Key: <see cref="MemberImportKey"/>.
/// </summary>
[Alias("Governance.IMemberImportGrain")]
public interface IMemberImportGrain : IGrainWithStringKey
{
    /// <summary>Starts the import afresh; refused (409 import-running) while a run of the same id still reports.</summary>
    [Alias("Start")]
    Task<MemberImportView> Start(string startedBy);

    /// <summary>The counts so far, or the outcome once the state is no longer running; returns the record as kept.</summary>
    [Alias("Report")]
    Task<MemberImportView> Report(MemberImportView view);

    /// <summary>The import as last reported; a run that stopped reporting shows failed (interrupted). Unknown: 404 import-not-found.</summary>
    [Alias("Get")]
    Task<MemberImportView> Get();
}
