using System.Net.Http.Headers;
using Governance.Client;
using Governance.System.Tests.Failover;

namespace Governance.System.Tests.Streams;

/// <summary>
/// A live tally in a cluster: the API process is only a client, so every decision grain lives on a silo, and the
/// stream it serves follows the grain there, through votes and a default delegation to the final tally.
/// </summary>
public sealed class ClusterStreamTests : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(silos: 2, new Dictionary<string, string>());

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_tally_stream_served_by_the_api_client_follows_a_decision_grain_on_a_silo_to_its_end()
    {
        var ann = await ClientAsync("ann");
        var ben = await ClientAsync("ben");
        var cooperative = (await ann.CreateCooperativeAsync(new CreateCooperativeRequest { Id = "live", Name = "Live" })).Id;
        await ann.AddMemberAsync(cooperative, new AddMemberRequest { Id = "ben" });
        await ann.CreateProposalAsync(cooperative, new CreateProposalRequest { Id = "van", Title = "Buy a van" });
        await ann.OpenProposalAsync(cooperative, "van");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var yes = new List<int>();
        ServerSentEvent<TallyView>? last = null;

        await foreach (var message in ben.StreamTallyAsync(cooperative, "van", cancellationToken: timeout.Token))
        {
            yes.Add(message.Data.Counts.Yes);
            last = message;
            switch (yes.Count)
            {
                case 1:
                    await ann.CastVoteAsync(cooperative, "van", "ann", new CastVoteRequest { Choice = VoteChoice.Yes });
                    break;
                case 2:
                    await ben.SetDefaultDelegationAsync(cooperative, "ben", new SetDelegationRequest { DelegateId = "ann" });
                    break;
                case 3:
                    await ann.CloseProposalAsync(cooperative, "van");
                    break;
            }
        }

        Assert.Equal([0, 1, 2, 2], yes);
        Assert.Equal(ProposalStatus.Closed, last!.Data.Status);
        Assert.Equal(ProposalOutcome.Accepted, last.Data.Outcome);
    }

    private async Task<GovernanceClient> ClientAsync(string member)
    {
        var http = new HttpClient { BaseAddress = _cluster.Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _cluster.IssueTokenAsync(member));
        _clients.Add(http);
        return new GovernanceClient(http);
    }
}
