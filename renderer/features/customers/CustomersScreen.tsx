import { Customer360Screen } from './Customer360Screen';
import { CustomerSearchScreen } from './CustomerSearchScreen';

/** `#/customers` searches; `#/customers/<id>` is that customer's 360°. */
export function CustomersScreen({ customerId = null }: { customerId?: string | null }) {
  return customerId ? <Customer360Screen key={customerId} customerId={customerId} /> : <CustomerSearchScreen />;
}
