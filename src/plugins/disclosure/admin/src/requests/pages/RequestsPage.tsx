import { Route, Routes } from 'react-router-dom';
import { RequestsOverview } from '../components/RequestsOverview';
import { RequestView } from '../components/RequestView';

/** 依申请公开: the list at plugins/disclosure/requests, one request at …/requests/:trackingNumber. */
const RequestsPage = () => (
  <Routes>
    <Route index element={<RequestsOverview />} />
    <Route path=":trackingNumber" element={<RequestView />} />
  </Routes>
);

export default RequestsPage;
