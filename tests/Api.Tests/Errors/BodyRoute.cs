namespace Governance.Api.Tests.Errors;

/// <summary>The routes that take a body, named so that theory data can refer to them.</summary>
public enum BodyRoute
{
    CreateCooperative,
    AddMember,
    DefaultDelegation,
    TopicDelegation,
    ProposalDelegation,
    CreateProposal,
    CastVote,
    ChangeSettings,
    SetRole,
    IssueAppKey,
}
