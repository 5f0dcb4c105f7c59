namespace Upbit.Rx.Testing;
