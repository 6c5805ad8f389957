using DomainCall.Engine;
using DomainCall.Storage;

namespace DomainCall.Tests.Storage;

/// <summary>
/// Members and invitations in both stores: the embedded SQLite file and the in-memory store of docs/custom-store.md
/// keep the same promises.
/// </summary>
public sealed class MemberStoreTests : IDisposable
{
    private static readonly Domain Shop = Domain.Parse("shop.example.net");
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("memory")]
    public async Task TryUseInvite_UsedTwice_SecondUseIsRefusedAndAddsNoMember(string kind)
    {
        var store = StoreOf(kind);
        var invite = await AddInviteAsync(store, Now.AddDays(7));

        var first = await store.TryUseInviteAsync(invite.CodeHash, NewMember("Ana"), Now, default);
        var second = await store.TryUseInviteAsync(invite.CodeHash, NewMember("Ana again"), Now, default);

        Assert.True(first);
        Assert.False(second);
        var member = Assert.Single(await store.ListMembersAsync(Shop, default));
        Assert.Equal("Ana", member.Label);
        Assert.Equal(Now, (await store.FindInviteAsync(invite.CodeHash, default))!.UsedAt);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("memory")]
    public async Task TryUseInvite_AtItsExpiry_IsRefused(string kind)
    {
        var store = StoreOf(kind);
        var invite = await AddInviteAsync(store, Now);

        Assert.False(await store.TryUseInviteAsync(invite.CodeHash, NewMember("Ana"), Now, default));
        Assert.Empty(await store.ListMembersAsync(Shop, default));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("memory")]
    public async Task FindMember_ByIdAndByKeyHash_GivesBackEveryField(string kind)
    {
        var store = StoreOf(kind);
        var invite = await AddInviteAsync(store, Now.AddDays(7));
        var member = NewMember("Ana") with { Rights = MemberRights.Answer | MemberRights.Call };
        await store.TryUseInviteAsync(invite.CodeHash, member, Now, default);

        var byId = await store.FindMemberAsync(Shop, member.Id, default);
        var byKey = await store.FindMemberByKeyHashAsync(Shop, member.KeyHash, default);

        Assert.Equal((member.Id, member.Label, member.Rights, member.CreatedAt), (byId!.Id, byId.Label, byId.Rights,
            byId.CreatedAt));
        Assert.Equal(member.KeyHash, byKey!.KeyHash);
        Assert.Null(await store.FindMemberByKeyHashAsync(Domain.Parse("example.com"), member.KeyHash, default));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("memory")]
    public async Task RemoveMember_Once_HidesTheMemberAndASecondRemovalFindsNone(string kind)
    {
        var store = StoreOf(kind);
        var invite = await AddInviteAsync(store, Now.AddDays(7));
        var member = NewMember("Ana");
        await store.TryUseInviteAsync(invite.CodeHash, member, Now, default);

        var removed = await store.RemoveMemberAsync(Shop, member.Id, Now.AddHours(1), default);
        var again = await store.RemoveMemberAsync(Shop, member.Id, Now.AddHours(2), default);

        Assert.True(removed);
        Assert.False(again);
        Assert.Null(await store.FindMemberAsync(Shop, member.Id, default));
        Assert.Null(await store.FindMemberByKeyHashAsync(Shop, member.KeyHash, default));
        Assert.Empty(await store.ListMembersAsync(Shop, default));
    }

    private ICallStore StoreOf(string kind) =>
        kind == "sqlite" ? new SqliteCallStore(_directory.Combine("calls.db")) : new InMemoryCallStore();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("memory")]
    public async Task RemoveUnusedInvites_RemovesOnlyTheUnusedOnes(string kind)
    {
        var store = StoreOf(kind);
        var used = await AddInviteAsync(store, Now.AddDays(7));
        var unused = await AddInviteAsync(store, Now.AddDays(7));
        await store.TryUseInviteAsync(used.CodeHash, NewMember("Ana"), Now, default);

        var removed = await store.RemoveUnusedInvitesAsync(Shop, default);

        Assert.Equal(1, removed);
        Assert.Null(await store.FindInviteAsync(unused.CodeHash, default));
        Assert.NotNull(await store.FindInviteAsync(used.CodeHash, default));
        Assert.False(await store.TryUseInviteAsync(unused.CodeHash, NewMember("Bo"), Now, default));
    }

    private static async Task<MemberInvite> AddInviteAsync(ICallStore store, DateTimeOffset expiresAt)
    {
        var invite = new MemberInvite(
            Shop, Secrets.Hash(Secrets.NewToken()), "Ana", MemberRights.Answer, Now.AddDays(-1), expiresAt);
        await store.AddInviteAsync(invite, default);
        return invite;
    }

    private static DomainMember NewMember(string label) =>
        new(Shop, Secrets.NewToken(), label, Secrets.Hash(Secrets.NewToken()), MemberRights.Answer, Now);
}
