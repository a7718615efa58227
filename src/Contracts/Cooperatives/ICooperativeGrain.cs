using Governance.Contracts.Decisions;
using Governance.Contracts.Feed;
using Governance.Contracts.Imports;
using Governance.Contracts.Paging;
using Governance.Contracts.Proposals;
using Governance.Contracts.Security;

namespace Governance.Contracts.Cooperatives;

/// <summary>A cooperative: settings, topics, roster, the default and topic delegation graph, and the index of proposals. Key: the cooperative id.</summary>
[Alias("Governance.ICooperativeGrain")]
public interface ICooperativeGrain : IFeedSource
{
    [Alias("Create")]
    Task<CooperativeView> Create(CreateCooperativeCommand command);

    [Alias("Get")]
    Task<CooperativeView> Get();

    /// <summary>Adds a topic; <paramref name="by"/> is the admin who acts, recorded in the log.</summary>
    [Alias("AddTopic")]
    Task<CooperativeView> AddTopic(string topic, string by);

    /// <summary>Changes the settings; <paramref name="by"/> is the admin who acts, recorded in the log.</summary>
    [Alias("ChangeSettings")]
    Task<CooperativeView> ChangeSettings(CooperativeSettingsView settings, string by);

    [Alias("AddMember")]
    Task<MemberView> AddMember(string memberId, string? name, string by);

    /// <summary>
    /// Adds the members of a batch of import lines in one append, by the rules of a single add: ids already members
    /// are existing, invalid lines are refused with their codes; <paramref name="by"/> must be an admin.
    /// </summary>
    [Alias("ImportMembers")]
    Task<MemberImportBatchResult> ImportMembers(IReadOnlyList<MemberImportLine> lines, string by);

    [Alias("GetMember")]
    Task<MemberView> GetMember(string memberId);

    [Alias("ListMembers")]
    Task<Page<MemberView>> ListMembers(string? cursor, int limit);

    /// <summary>
    /// Ends a membership; the last admin cannot be removed. Every open proposal and poll is told, and ends the
    /// member's ballot and decision-scope delegations.
    /// </summary>
    [Alias("RemoveMember")]
    Task RemoveMember(string memberId, string by);

    /// <summary>Gives a member a role; the last admin cannot be demoted.</summary>
    [Alias("SetRole")]
    Task<MemberView> SetRole(string memberId, MemberRole role, string by);

    /// <summary>The person's role and what it allows here, or null when they are not a member (or there is no such cooperative).</summary>
    [Alias("GetAccess")]
    Task<CooperativeAccess?> GetAccess(string personId);

    [Alias("IssueAppKey")]
    Task<IssuedAppKey> IssueAppKey(string name, IReadOnlyList<string>? scopes, string by);

    [Alias("ListAppKeys")]
    Task<IReadOnlyList<AppKeyView>> ListAppKeys();

    [Alias("RevokeAppKey")]
    Task RevokeAppKey(string keyId, string by);

    /// <summary>What an active key with this secret may do, or null when the key is unknown, revoked or the secret is wrong.</summary>
    [Alias("AuthenticateAppKey")]
    Task<AppKeyGrant?> AuthenticateAppKey(string keyId, string secret);

    /// <summary>Sets the member's delegation at the default scope (topic null) or a topic; a null delegate blocks broader scopes.</summary>
    [Alias("SetDelegation")]
    Task SetDelegation(string memberId, string? topic, string? delegateId);

    [Alias("ClearDelegation")]
    Task ClearDelegation(string memberId, string? topic);

    [Alias("GetDelegations")]
    Task<MemberDelegationsView> GetDelegations(string memberId);

    /// <summary>Rejects a proposal-scope delegation between these two unless both are members and distinct.</summary>
    [Alias("ValidateDelegation")]
    Task ValidateDelegation(string memberId, string? delegateId);

    [Alias("CreateProposal")]
    Task<DecisionView> CreateProposal(CreateDecisionCommand command);

    [Alias("ListProposals")]
    Task<Page<ProposalSummaryView>> ListProposals(Proposals.ProposalStatus? status, string? cursor, int limit);

    /// <summary>Records a proposal's new status in the index, so that listing by status needs no call per proposal.</summary>
    [Alias("ProposalStatusChanged")]
    Task ProposalStatusChanged(string proposalId, DecisionStatus status);

    /// <summary>
    /// The log position voting opens at (the roster at this version is the eligible set), refused unless
    /// <paramref name="by"/> is an admin at that very position.
    /// </summary>
    [Alias("AuthorizeOpening")]
    Task<long> AuthorizeOpening(string by);

    /// <summary>Refuses (forbidden) unless the person is an admin now: the last check before a decision grain acts for an admin.</summary>
    [Alias("RequireAdmin")]
    Task RequireAdmin(string personId);

    /// <summary>Refuses unless the person may create proposals and polls now and the topic, when given, exists.</summary>
    [Alias("AuthorizeDecisionCreation")]
    Task AuthorizeDecisionCreation(string createdBy, string? topic);

    /// <summary>What a decision whose roster is fixed at <paramref name="rosterVersion"/> counts over, whole: asked once, when it starts counting.</summary>
    Task<DecisionLayersView> GetDecisionLayers(string? topic, long rosterVersion);

    /// <summary>
    /// The delegation entries for the topic that changed since <paramref name="knownVersion"/>, O(changes); null when
    /// none did. A decision asks before it counts, so it never counts from layers older than the cooperative's.
    /// </summary>
    Task<LayerChangesView?> GetLayerChanges(string? topic, long rosterVersion, long knownVersion);

    /// <summary>For each id, the roster index a decision fixed at <paramref name="rosterVersion"/> means by it (the membership that held then, else the latest), or -1.</summary>
    Task<int[]> GetMemberships(string[] memberIds, long rosterVersion);

    /// <summary>The member ids at roster indices; null for an index outside the roster.</summary>
    Task<string?[]> GetMemberIds(int[] indices);

    /// <summary>The snapshot for a decision fixed at <paramref name="rosterVersion"/>, or null if nothing changed since <paramref name="knownVersion"/>.</summary>
    [Alias("GetDecisionSnapshot")]
    Task<DecisionSnapshot?> GetDecisionSnapshot(string? topic, long rosterVersion, long knownVersion);
}
