using NUnit.Framework;
using Upbit.Rx.Protocol;

namespace Upbit.Rx.Tests.Protocol;

public sealed class FieldKeyTableTests
{
    [Test]
    public void Get_KnownKeyInsideBuffer_InternedInstanceAndItsSlot()
    {
        var table = new FieldKeyTable();

        var key = table.Get("{\"ap\":1}".ToCharArray(), 2, 2);
        var found = table.TryFind(FieldScope.OrderbookUnit, key!, out var slot);

        Assert.That((ReferenceEquals(key, WireNames.NameTable.Get("ap".ToCharArray(), 0, 2)), found, slot), Is.EqualTo((true, true, FieldId.UnitAskPrice)));
    }

    [Test]
    public void Get_UnknownKey_NullAndNothingFound()
    {
        var table = new FieldKeyTable();
        table.Get("code".ToCharArray(), 0, 4);

        var key = table.Get("codes_x".ToCharArray(), 0, 7);
        var found = table.TryFind(FieldScope.Message, "codes_x", out _);

        Assert.That((key, table.LastKey, found), Is.EqualTo(((string?)null, -1, false)));
    }

    [Test]
    public void TryFind_KeyOtherThanTheOneLastFound_NotFound()
    {
        var table = new FieldKeyTable();
        var code = table.Get("code".ToCharArray(), 0, 4)!;
        table.Get("type".ToCharArray(), 0, 4);

        Assert.That(table.TryFind(FieldScope.Message, code, out _), Is.False);
    }

    [Test]
    public void TryFind_KeyOutsideTheScope_NotFound()
    {
        var table = new FieldKeyTable();
        var key = table.Get("opening_price".ToCharArray(), 0, 13)!;

        Assert.That(table.TryFind(FieldScope.OrderbookUnit, key, out _), Is.False);
    }
}
