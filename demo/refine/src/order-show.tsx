/**
 * Where an order link of the 360 view leads (`#/customers/:id/orders/:orderId`): the host owns
 * order pages, and this example has no order system, so it names the order and leads back.
 * @module
 */
import { useGo } from '@refinedev/core';
import { Button, Result } from 'antd';
import { useParams } from 'react-router';

export function OrderShow() {
  const { id = '', orderId = '' } = useParams();
  const go = useGo();
  return (
    <Result
      status="info"
      title={`Order ${orderId}`}
      subTitle={`Your order system would show order ${orderId} of customer ${id} here; the 360 view routed to it through Refine's router (c360-navigate).`}
      extra={
        <Button type="primary" onClick={() => go({ to: { resource: 'customers', action: 'show', id } })}>
          Back to the customer
        </Button>
      }
    />
  );
}
