using Governance.Contracts.Cooperatives;
using Governance.Contracts.Decisions;
using Governance.Contracts.Errors;
using Governance.Contracts.Paging;
using Governance.Contracts.Priorities;
using Governance.Contracts.Tasks;

namespace Governance.Grains.Feed;

/// <summary>Every log of a cooperative its indexes name: its own, its proposals', its polls' and its tasks'.</summary>
internal static class FeedDiscovery
{
    private const int PageSize = 500;

    public static async Task<IReadOnlyList<string>> StreamsAsync(IGrainFactory grains, string cooperativeId)
    {
        var streams = new List<string>();
        try
        {
            var cooperative = grains.GetGrain<ICooperativeGrain>(cooperativeId);
            await ForEachAsync(
                cursor => cooperative.ListProposals(null, cursor, PageSize),
                proposal => streams.Add($"proposal/{DecisionKey.Of(cooperativeId, proposal.Id)}"));
        }
        catch (GovernanceException exception) when (exception.Kind == ErrorKind.NotFound)
        {
            // No cooperative has this id (yet), so it has no logs to find.
            return streams;
        }

        var polls = grains.GetGrain<IPriorityIndexGrain>(cooperativeId);
        await ForEachAsync(
            cursor => polls.ListPolls(null, cursor, PageSize),
            poll => streams.Add($"priority-poll/{DecisionKey.Of(cooperativeId, poll.Id)}"));
        var tasks = grains.GetGrain<ITaskBoardGrain>(cooperativeId);
        await ForEachAsync(
            cursor => tasks.ListTasks(null, cursor, PageSize),
            task => streams.Add($"task/{TaskKey.Of(cooperativeId, task.Id)}"));
        return streams;
    }

    private static async Task ForEachAsync<T>(Func<string?, Task<Page<T>>> read, Action<T> each)
    {
        string? cursor = null;
        do
        {
            var page = await read(cursor);
            foreach (var item in page.Items)
            {
                each(item);
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
}
