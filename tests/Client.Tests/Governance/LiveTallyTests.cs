using Governance.Client.Tests.Hosting;

namespace Governance.Client.Tests.Governance;

/// <summary>A live tally read through the client's stream reader from the real API, to the final result and the stream's end.</summary>
[Collection(ApiNodeCollection.Name)]
public sealed class LiveTallyTests(ApiNode node)
{
    private readonly GovernanceClient _ann = node.As("ann");
    private readonly GovernanceClient _ben = node.As("ben");

    [Fact]
    public async Task A_tally_stream_shows_each_change_then_the_final_tally_and_ends()
    {
        var cooperative = await _ann.FoundAsync("Live tallies");
        await _ann.CreateProposalAsync(cooperative, new CreateProposalRequest { Id = "van", Title = "Buy a van" });
        await _ann.OpenProposalAsync(cooperative, "van");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<ServerSentEvent<TallyView>>();

        await foreach (var message in _ben.StreamTallyAsync(cooperative, "van", cancellationToken: timeout.Token))
        {
            received.Add(message);
            switch (received.Count)
            {
                case 1:
                    await _ann.CastVoteAsync(cooperative, "van", "ann", new CastVoteRequest { Choice = VoteChoice.Yes });
                    break;
                case 2:
                    await _ben.SetDefaultDelegationAsync(cooperative, "ben", new SetDelegationRequest { DelegateId = "ann" });
                    break;
                case 3:
                    await _ann.CloseProposalAsync(cooperative, "van");
                    break;
            }
        }

        Assert.All(received, message => Assert.Equal("tally", message.EventType));
        Assert.Equal([0, 1, 2, 2], received.Select(message => message.Data.Counts.Yes));
        Assert.Equal(ProposalStatus.Closed, received[^1].Data.Status);
        Assert.Equal(ProposalOutcome.Accepted, received[^1].Data.Outcome);
        Assert.Equal(received.Count, received.Select(message => message.Id).Distinct().Count());
    }
}
